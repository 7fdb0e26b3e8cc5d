import "react";

// Chromium, Firefox and Safari let an <input type="file"> pick a folder with this attribute (each
// File then carries webkitRelativePath); React passes it through but its types do not list it.
declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged interface keeps React's type parameter
  interface InputHTMLAttributes<T> {
    webkitdirectory?: string;
  }
}
