/** Saving a file the page made (the picture of a step): a Blob behind a temporary object URL. */

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has read the URL once the click's download started; revoke it after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The size an SVG document declares on its root (`width="960" height="763"`). */
function sizeOf(svg: string): { w: number; h: number } | undefined {
  const m = /<svg [^>]*?width="(\d+)" height="(\d+)"/.exec(svg);
  return m ? { w: Number(m[1]), h: Number(m[2]) } : undefined;
}

/**
 * The SVG drawn into a canvas at `scale` (sharp on high-density screens and projectors), as PNG. The
 * picture references nothing outside itself, so the canvas stays readable (not tainted).
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const size = sizeOf(svg);
  if (!size) throw new Error('the picture has no size');
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(size.w, size.h);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size.w * scale;
    canvas.height = size.h * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw into a canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
