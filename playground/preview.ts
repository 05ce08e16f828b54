// What kind of preview a response body gets.

export type PreviewKind = 'none' | 'text' | 'image' | 'binary';

export function previewKind(status: number, method: string, contentType: string | undefined, bodyBytes: number): PreviewKind {
  if (method === 'HEAD' || status === 304 || status === 204 || bodyBytes === 0) return 'none';
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('text/') || /[/+](json|xml|javascript|ecmascript)$/.test(type)) return 'text';
  return 'binary';
}

/** Human-readable size: "512 B", "4.2 KiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
