// Calls to the report API. Every call carries the token; errors become ApiError with a kind the
// page turns into a Swedish message.

export class ApiError extends Error {
  /**
   * @param {'network' | 'http'} kind
   * @param {number} status HTTP status, 0 for network errors
   * @param {string | undefined} detail the problem+json detail, if the API sent one
   */
  constructor(kind, status, detail) {
    super(detail ?? `${kind} ${status}`);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.detail = detail;
  }
}

function reportPath(associationId, year, suffix, interventionId) {
  const path = `/v1/associations/${encodeURIComponent(associationId)}/reports/${year}${suffix}`;
  if (!interventionId) return path;
  return `${path}?${new URLSearchParams({ interventionId })}`;
}

async function call(path, token, accept, signal) {
  let response;
  try {
    response = await fetch(path, {
      headers: { Authorization: `Bearer ${token}`, Accept: accept },
      cache: 'no-store',
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', 0, undefined);
  }
  if (!response.ok) {
    let detail;
    try {
      const type = response.headers.get('Content-Type') ?? '';
      if (type.includes('json')) detail = (await response.json()).detail;
    } catch {
      // A body that is not problem+json: the status says enough.
    }
    throw new ApiError('http', response.status, typeof detail === 'string' ? detail : undefined);
  }
  return response;
}

/** The report JSON for a year, for the association or one of its interventions. */
export async function fetchReport({ associationId, year, interventionId, token, signal }) {
  const response = await call(
    reportPath(associationId, year, '', interventionId),
    token,
    'application/json',
    signal,
  );
  try {
    return await response.json();
  } catch {
    throw new ApiError('http', response.status, 'Svaret från servern gick inte att läsa.');
  }
}

const FILE_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function fileName(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Downloads the report as a file. A plain link cannot send the Authorization header, so the
 * file is fetched and handed to the browser as a Blob.
 */
export async function downloadReport({ associationId, year, interventionId, token, format }) {
  const response = await call(
    reportPath(associationId, year, `.${format}`, interventionId),
    token,
    FILE_TYPES[format],
    undefined,
  );
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(response, `stegvis-${associationId}-${year}.${format}`);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
