// The part of the qrcode package (1.5.4) the typesetter uses: the encoder's core, which
// gives the module matrix without loading the package's image renderers.
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QRCode {
    version: number;
    modules: { size: number; get(row: number, col: number): boolean | number };
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QRCode;
}
