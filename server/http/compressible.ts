// Which media types are worth a content coding. Text shrinks a lot under gzip or brotli; PNG,
// JPEG, WOFF2, video and archives are compressed already, so coding them again wastes CPU for a
// few bytes (sometimes a larger body).

/** True for text, JavaScript, JSON, XML and SVG, from a Content-Type value (parameters ignored). */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/javascript' ||
    type === 'application/json' ||
    type === 'application/xml' ||
    type === 'application/wasm' ||
    type.endsWith('+json') || // application/manifest+json, application/ld+json
    type.endsWith('+xml') // image/svg+xml, application/rss+xml
  );
}
