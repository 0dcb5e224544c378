import { CSRF_HEADER } from '../../../../shared/constants';
import { type ImportResponse, ImportResponse as ImportResponseSchema } from '../../../../shared/cascade';

/** A refused upload that is not a list of row problems: the whole file (too large, no access, network down). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadOptions {
  unitId: string;
  indicatorId: string | null;
  apply: boolean;
  /** 0–1 while the file is being sent, then null while the server checks the rows. */
  onProgress: (fraction: number | null) => void;
}

/**
 * Sends a CSV file to the import route. XMLHttpRequest rather than fetch because only it reports upload progress,
 * which a large file (up to 1 MB, 5,000 rows) on a hospital network needs.
 */
export function uploadCsv(text: string, options: UploadOptions): Promise<ImportResponse> {
  const query = new URLSearchParams({ unit: options.unitId, apply: String(options.apply) });
  if (options.indicatorId) query.set('indicator', options.indicatorId);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports/measurements?${query.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.upload.onprogress = (e) => options.onProgress(e.lengthComputable ? e.loaded / e.total : null);
    xhr.upload.onload = () => options.onProgress(null);
    xhr.onerror = () => reject(new UploadError('network', 0, null));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: answered below by status
      }
      const parsed = ImportResponseSchema.safeParse(body);
      if (parsed.success) return resolve(parsed.data);
      const error = (body as { error?: { message?: string; code?: string } } | null)?.error;
      reject(new UploadError(error?.message ?? xhr.statusText, xhr.status, error?.code ?? null));
    };
    xhr.send(text);
  });
}

/** The chosen file's text, as UTF-8 (Excel's "CSV UTF-8"; a byte-order mark is dropped by the server). */
export function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsText always yields a string.
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file, 'utf-8');
  });
}
