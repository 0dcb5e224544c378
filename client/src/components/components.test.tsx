import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../lib/i18n-context';
import { Button, IconButton, TooltipProvider } from './button';
import { Dialog } from './dialog';
import { EmptyState } from './empty-state';
import { Menu } from './menu';
import { Select } from './select';
import { StatusPill } from './status-pill';
import { Table } from './table';
import { Tabs } from './tabs';
import { ToastProvider, useToast } from './toast';

function wrap(ui: React.ReactNode) {
  return render(
    <I18nProvider initialLang="da">
      <TooltipProvider>
        <ToastProvider>{ui}</ToastProvider>
      </TooltipProvider>
    </I18nProvider>,
  );
}

describe('design system components', { timeout: 15_000 }, () => {
  it('an icon button is named by its label and shows it as a tooltip on keyboard focus', async () => {
    const onClick = vi.fn();
    wrap(<IconButton label="Omdøb kolonnen" icon="✎" onClick={onClick} />);
    const button = screen.getByRole('button', { name: 'Omdøb kolonnen' });
    await userEvent.tab();
    expect(button).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Omdøb kolonnen');
    await userEvent.keyboard('{Enter}');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('a dialog is labelled by its title, takes focus, and Escape closes it and returns focus', async () => {
    function Harness() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <Button onClick={() => setOpen(true)}>Åbn</Button>
          {open && (
            <Dialog title="Registrér måling" onClose={() => setOpen(false)}>
              <label>
                Værdi <input />
              </label>
            </Dialog>
          )}
        </>
      );
    }
    wrap(<Harness />);
    const opener = screen.getByRole('button', { name: 'Åbn' });
    await userEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Registrér måling' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(screen.getByRole('button', { name: 'Luk dialogen' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('a menu opens from its button, groups items under labels, and picks with the keyboard', async () => {
    const moved = vi.fn();
    wrap(
      <Menu
        label="Flyt til …"
        items={[
          { id: 'a', label: 'I gang', group: 'Kolonner', onSelect: moved },
          { id: 'b', label: 'Øverst', group: 'Denne kolonne', onSelect: vi.fn() },
        ]}
      />,
    );
    const trigger = screen.getByRole('button', { name: 'Flyt til …' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: 'Flyt til …' });
    expect(menu).toHaveTextContent('Kolonner');
    expect(screen.getByRole('menuitem', { name: 'I gang' })).toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(moved).toHaveBeenCalledOnce();
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });

  it('tabs switch panels with the arrow keys', async () => {
    function Harness() {
      const [tab, setTab] = useState('units');
      return (
        <Tabs
          label="Administration"
          value={tab}
          onChange={setTab}
          tabs={[
            { id: 'units', label: 'Enheder', content: <p>Enhedslisten</p> },
            { id: 'users', label: 'Brugere', content: <p>Brugerlisten</p> },
          ]}
        />
      );
    }
    wrap(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Administration' })).toBeInTheDocument();
    expect(screen.getByRole('tabpanel', { name: 'Enheder' })).toHaveTextContent('Enhedslisten');
    await userEvent.click(screen.getByRole('tab', { name: 'Enheder' }));
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Brugere' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Brugere' })).toHaveTextContent('Brugerlisten');
  });

  it('a toast says its message in a live region and runs its action', async () => {
    const undo = vi.fn();
    function Harness() {
      const toast = useToast();
      return <Button onClick={() => toast({ message: 'Flyttet', action: { label: 'Fortryd', altText: 'Ctrl+Z fortryder', onSelect: undo } })}>Flyt</Button>;
    }
    wrap(<Harness />);
    await userEvent.click(screen.getByRole('button', { name: 'Flyt' }));
    expect(await screen.findByText('Flyttet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Fortryd' }));
    expect(undo).toHaveBeenCalledOnce();
  });

  it('a select is labelled, grouped and reports the chosen value', async () => {
    const onChange = vi.fn();
    wrap(
      <Select
        label="Indikator"
        value="a"
        onChange={onChange}
        options={[
          { value: 'a', label: 'Genindlæggelser', group: 'Kvalitet' },
          { value: 'b', label: 'Sygefravær', group: 'Personale' },
        ]}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Indikator' });
    expect(screen.getByRole('group', { name: 'Personale' })).toBeInTheDocument();
    await userEvent.selectOptions(select, 'Sygefravær');
    expect(onChange).toHaveBeenCalledWith('b');
  });

  it('a status pill says the status in words, a table has a caption and headers, an empty state says why', () => {
    wrap(
      <>
        <StatusPill status="red" text="rød (ikke på mål)" />
        <Table caption="Målinger" columns={[{ id: 'v', header: 'Værdi', cell: (r: { v: string }) => r.v, numeric: true }]} rows={[{ v: '4,5' }]} rowKey={(r) => r.v} />
        <EmptyState title="Ingen kort endnu" />
      </>,
    );
    expect(screen.getByText('rød (ikke på mål)')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Målinger' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Værdi' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '4,5' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Ingen kort endnu');
  });
});
