import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

/** "Data import · Marea": the screen first, so browser tabs and history stay readable. */
@Injectable()
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const screen = this.buildTitle(snapshot);
    const product = $localize`:@@shell.productName:Marea`;
    this.title.setTitle(screen ? `${screen} · ${product}` : product);
  }
}
