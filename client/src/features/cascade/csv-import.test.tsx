import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportResponse } from '../../../../shared/cascade';
import { I18nProvider } from '../../lib/i18n-context';
import { CsvImport } from './csv-import';

// The import panel against a stand-in for the browser's XMLHttpRequest that answers as the import route does
// (the route itself, with its access checks, is tested over real HTTP in tests/integration/csv-import-access.test.ts).
interface Sent {
  url: string;
  body: string;
  headers: Record<string, string>;
}

function fakeXhr(answer: (sent: Sent) => { status: number; body: unknown }) {
  const sent: Sent[] = [];
  const pending: (() => void)[] = [];
  class FakeXhr {
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    withCredentials = false;
    status = 0;
    statusText = '';
    responseText = '';
    private request: Sent = { url: '', body: '', headers: {} };
    open(_method: string, url: string) {
      this.request.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.request.headers[name] = value;
    }
    send(body: string) {
      this.request.body = body;
      sent.push(this.request);
      // Half the file, then a pause the test controls, then the rest and the answer.
      this.upload.onprogress?.({ lengthComputable: true, loaded: body.length / 2, total: body.length });
      pending.push(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: body.length, total: body.length });
        this.upload.onload?.();
        const reply = answer(this.request);
        this.status = reply.status;
        this.responseText = JSON.stringify(reply.body);
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return { sent, finish: () => pending.shift()?.() };
}

const goals = { goals: [], initiatives: [], units: [], layers: [], indicators: [{ id: 'ind-vent', name: 'Ventetid' }, { id: 'ind-baelte', name: 'Andel bæltefikseret' }] };

function renderImport(answer: (sent: Sent) => { status: number; body: unknown }) {
  const xhr = fakeXhr(answer);
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(goals), { status: 200 })));
  const onApplied = vi.fn();
  render(
    <I18nProvider initialLang="da">
      <CsvImport unitId="k-nord" indicator={{ id: 'ind-baelte', name: 'Andel bæltefikseret' }} onApplied={onApplied} />
    </I18nProvider>,
  );
  return { ...xhr, onApplied, user: userEvent.setup() };
}

const file = (text: string) => new File([text], 'maalinger.csv', { type: 'text/csv' });

afterEach(() => vi.unstubAllGlobals());

describe('CSV import', { timeout: 15_000 }, () => {
  it('picks the indicator by name, shows progress, previews every row with new and previous value, then applies', async () => {
    const preview: ImportResponse = {
      applied: false,
      problems: [],
      rows: [
        { row: 2, indicatorId: 'ind-vent', indicatorName: 'Ventetid', periodStart: '2026-10-01', value: 3.4, previous: 4.1 },
        { row: 3, indicatorId: 'ind-vent', indicatorName: 'Ventetid', periodStart: '2026-11-01', value: 2, previous: null },
      ],
    };
    const { sent, finish, onApplied, user } = renderImport((s) => ({ status: 200, body: { ...preview, applied: s.url.includes('apply=true') } }));
    const picker = screen.getByLabelText('Indikator');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Andel bæltefikseret', 'Angivet i filen (kolonnen indicator)']);
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'Ventetid' })).toBeInTheDocument());
    expect(picker).not.toHaveTextContent(/ind-/);
    await user.selectOptions(picker, 'Ventetid');
    await user.upload(screen.getByLabelText('Vælg CSV-fil'), file('period;value\n2026-10-01;3,4\n2026-11-01;2\n'));
    await user.click(screen.getByRole('button', { name: 'Forhåndsvis' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Sender filen … 50 %');
    expect(sent[0]!.url).toContain('indicator=ind-vent');
    expect(sent[0]!.headers['x-kaskade-csrf']).toBe('1');
    finish();

    const table = await screen.findByRole('table', { name: 'Forhåndsvisning: 2 rækker' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['2', 'Ventetid', '1. okt. 2026', '3,4', '4,1'],
      ['3', 'Ventetid', '1. nov. 2026', '2', '–'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Indlæs alle rækker' }));
    finish();
    await waitFor(() => expect(onApplied).toHaveBeenCalled());
    expect(sent[1]!.url).toContain('apply=true');
    expect(screen.getByText('2 rækker er indlæst.')).toBeInTheDocument();
  });

  it('words the problems in Danish and offers nothing to apply', async () => {
    const { finish, user } = renderImport(() => ({
      status: 400,
      body: {
        applied: false,
        rows: [],
        problems: [
          { row: 3, column: 'value', message: '"1,2,3" is not a number (use a decimal comma, e.g. 4,5).', code: 'not-a-number', values: { raw: '1,2,3', separator: ';' } },
          { row: 4, column: 'period', message: 'this indicator, unit and period appear twice in the file.', code: 'duplicate' },
        ],
      },
    }));
    await user.upload(screen.getByLabelText('Vælg CSV-fil'), file('period;value\n2026-10-01;1,2,3\n'));
    await user.click(screen.getByRole('button', { name: 'Forhåndsvis' }));
    finish();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Række 3, kolonne value: "1,2,3" er ikke et tal (brug decimalkomma, fx 4,5).');
    expect(alert).toHaveTextContent('Række 4, kolonne period: samme indikator, enhed og periode står to gange i filen.');
    expect(alert).not.toHaveTextContent(/is not a number/);
    expect(screen.queryByRole('button', { name: 'Indlæs alle rækker' })).not.toBeInTheDocument();
  });

  it('says in Danish when the file is too large', async () => {
    const { finish, user } = renderImport(() => ({ status: 413, body: { error: { code: 'VALIDATION_FAILED', message: 'The file is too large' } } }));
    await user.upload(screen.getByLabelText('Vælg CSV-fil'), file('period;value\n'));
    await user.click(screen.getByRole('button', { name: 'Forhåndsvis' }));
    finish();
    expect(await screen.findByRole('alert')).toHaveTextContent('Filen er for stor: højst 1 MB kan indlæses ad gangen.');
  });
});
