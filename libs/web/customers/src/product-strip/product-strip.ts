import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A product shown with its picture: the name, and a line such as its price or quantity. */
export interface ProductTile {
  readonly key: string;
  readonly name: string;
  readonly imageUrl: string | null;
  readonly detail: string;
}

/** A row of product pictures (cart, favourites, last products). */
@Component({
  selector: 'marea-product-strip',
  template: `
    <ul class="strip">
      @for (product of products(); track product.key) {
        <li>
          @if (product.imageUrl) {
            <img [src]="product.imageUrl" alt="" loading="lazy" width="72" height="72" />
          } @else {
            <span class="no-image" aria-hidden="true"></span>
          }
          <span class="name">{{ product.name }}</span>
          <span class="detail">{{ product.detail }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .strip {
      display: flex;
      gap: var(--space-3);
      overflow-x: auto;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: grid;
      gap: var(--space-1);
      width: 7rem;
      flex: none;
      font-size: var(--text-sm);
    }
    img,
    .no-image {
      width: 72px;
      height: 72px;
      object-fit: cover;
      border-radius: var(--radius-sm);
      background: var(--surface-muted);
    }
    .detail {
      color: var(--text-muted);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductStrip {
  readonly products = input.required<readonly ProductTile[]>();
}
