import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { ApiErrorBody, Task, TaskDraft, TaskListQuery, TaskPage, TaskStatusChange, TaskView } from '@marea/contracts';
import { customerVisibility, describePrincipal, type Principal as RequestPrincipal } from '@marea/domain/access';
import { changeTaskStatus, createTask, decodeTaskCursor, isVisibleCustomer, listTasks, readTask, taskAssignee, type TaskReader } from '@marea/infra/persistence';
import { ANY_ROLE, Allow } from '../access/allow.decorator';
import { Principal } from '../access/principal.decorator';
import { TaskRefusal } from './task-refusal';
import { TaskRefusalFilter } from './task-refusal.filter';
import { parseTaskRequest, taskIdOf, taskNotFound } from './task-request-parsing';

class TaskDto extends createZodDto(Task) {}
class TaskPageDto extends createZodDto(TaskPage) {}
class TaskDraftDto extends createZodDto(TaskDraft) {}
class TaskStatusChangeDto extends createZodDto(TaskStatusChange) {}
class ApiErrorDto extends createZodDto(ApiErrorBody) {}

const readerOf = (principal: RequestPrincipal): TaskReader => ({
  visibility: customerVisibility(principal),
  userId: principal.kind === 'user' ? principal.userId : null,
});

/** The managers' task inbox: tasks automations (or people) created for a customer's manager. */
@ApiTags('tasks')
@Controller('v1/tasks')
@UseFilters(TaskRefusalFilter)
export class TasksController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({
    summary: 'Tasks of one inbox tab: mine, due, overdue, done, queue or all',
    description:
      '`mine`: my open tasks; `due`: open, due in the next 24 hours; `overdue`: open and past due; `done`: completed, latest ' +
      'first; `queue`: open tasks of customers without a manager; `all`. Open tabs are sorted by due date. A manager sees ' +
      'their own tasks and the queue; admins and marketers see every task. Keyset-paged: pass `nextAfter` as `after`.',
  })
  @ApiQuery({ name: 'view', required: false, schema: { type: 'string', enum: TaskView.options, default: 'mine' } })
  @ApiQuery({ name: 'customerId', required: false, schema: { type: 'string' }, description: 'only the tasks of this customer' })
  @ApiQuery({ name: 'after', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 } })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  list(@Query() query: Record<string, unknown>, @Principal() principal: RequestPrincipal): Promise<TaskPage> {
    const request = parseTaskRequest(TaskListQuery, query, 'INVALID_QUERY', 'task query');
    const after = request.after === undefined ? null : decodeTaskCursor(request.after);
    if (request.after !== undefined && !after) {
      const message = 'must be the nextAfter of a previous page';
      throw new TaskRefusal('INVALID_QUERY', `The task query is not valid: after: ${message}.`, [{ field: 'after', message }]);
    }
    return listTasks(this.dataSource, { view: request.view, customerId: request.customerId, after, limit: request.limit }, readerOf(principal));
  }

  @Get(':id')
  @Allow(ANY_ROLE, ['read'])
  @ApiOperation({ summary: 'One task, with its customer, assignee, due date, priority and the automation that created it' })
  @ApiParam({ name: 'id', description: "Marea's id of the task, in decimal", example: '42' })
  @ApiOkResponse({ type: TaskDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no task has this id (or it is another manager’s)' })
  async one(@Param('id') id: string, @Principal() principal: RequestPrincipal): Promise<Task> {
    const taskId = taskIdOf(id);
    const task = await readTask(this.dataSource, taskId, readerOf(principal));
    if (!task) throw taskNotFound(taskId);
    return task;
  }

  @Post()
  @HttpCode(201)
  @Allow(ANY_ROLE)
  @ApiOperation({
    summary: 'Create a task by hand for a customer: assigned to their manager, or to the default queue',
    description: 'A manager may create tasks for their own customers only. The task appears in the customer\'s timeline.',
  })
  @ApiBody({ type: TaskDraftDto })
  @ApiCreatedResponse({ type: TaskDto })
  @ApiBadRequestResponse({ type: ApiErrorDto, description: 'the task is not valid; `details` names every field' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no customer has this id' })
  async create(@Body() body: unknown, @Principal() principal: RequestPrincipal): Promise<Task> {
    const draft = parseTaskRequest(TaskDraft, body, 'INVALID_TASK', 'task');
    const customerMissing = new TaskRefusal('CUSTOMER_NOT_FOUND', `There is no customer with id ${draft.customerId}.`, [
      { field: 'customerId', message: 'is not a customer' },
    ]);
    if (!(await isVisibleCustomer(this.dataSource, draft.customerId, customerVisibility(principal)))) throw customerMissing;
    const outcome = await createTask(this.dataSource, {
      ...draft,
      dueAt: new Date(draft.dueAt),
      source: null,
      createdBy: describePrincipal(principal),
      effectKey: null,
    });
    if (outcome.kind === 'no-customer') throw customerMissing;
    return this.one(outcome.taskId, principal);
  }

  @Patch(':id')
  @Allow(ANY_ROLE)
  @ApiOperation({
    summary: 'Complete (status done) or reopen (status open) a task',
    description:
      'A manager may change their own tasks only; admins and marketers any task. Each change is recorded in the customer\'s ' +
      'timeline; setting the status a task already has changes nothing. Answers the task.',
  })
  @ApiParam({ name: 'id', description: "Marea's id of the task, in decimal", example: '42' })
  @ApiBody({ type: TaskStatusChangeDto })
  @ApiOkResponse({ type: TaskDto })
  @ApiBadRequestResponse({ type: ApiErrorDto })
  @ApiForbiddenResponse({ type: ApiErrorDto, description: 'a manager changing someone else’s task or one of the queue' })
  @ApiNotFoundResponse({ type: ApiErrorDto, description: 'no task has this id' })
  async changeStatus(@Param('id') id: string, @Body() body: unknown, @Principal() principal: RequestPrincipal): Promise<Task> {
    const taskId = taskIdOf(id);
    const change = parseTaskRequest(TaskStatusChange, body, 'INVALID_TASK', 'status change');
    const task = await taskAssignee(this.dataSource, taskId);
    if (!task) throw taskNotFound(taskId);
    const visibility = customerVisibility(principal);
    if (visibility.kind === 'managed-by' && task.assigneeId !== visibility.userId) {
      throw new TaskRefusal(
        'NOT_YOUR_TASK',
        task.assigneeId === null
          ? `Task ${taskId} is in the default queue; only an admin or a marketer can change it.`
          : `Task ${taskId} is assigned to another manager; only they, an admin or a marketer can change it.`,
      );
    }
    await changeTaskStatus(this.dataSource, taskId, change.status, describePrincipal(principal));
    return this.one(taskId, principal);
  }
}
