import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG } from '../../config/app-config.token';
import type { AppConfig } from '../../config/app-config';
import { localizedWebApp } from './localized-web-app';

/**
 * Mounts the built web app (WEB_DIST) on the HTTP server. It is mounted when the modules start,
 * after the API's routes and before the not-found handler, so an API route always answers first.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.use(localizedWebApp(this.config.WEB_DIST));
  }
}
