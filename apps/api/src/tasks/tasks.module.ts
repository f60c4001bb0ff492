import { Module } from '@nestjs/common';
import { TasksController } from './tasks.controller';

/** The managers' task inbox. */
@Module({ controllers: [TasksController] })
export class TasksModule {}
