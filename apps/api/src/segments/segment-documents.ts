import { createZodDto } from 'nestjs-zod';
import {
  ApiErrorBody,
  Segment,
  SegmentEdit,
  SegmentInput,
  SegmentList,
  SegmentMemberPage,
  SegmentPreview,
  SegmentPreviewRequest,
  SegmentSizeHistory,
} from '@marea/contracts';

// The OpenAPI descriptions of the segment routes, generated from the zod contracts. These classes
// only document: bodies are validated by SegmentService, which reports every problem with its path.
export class SegmentDto extends createZodDto(Segment) {}
export class SegmentInputDto extends createZodDto(SegmentInput) {}
export class SegmentEditDto extends createZodDto(SegmentEdit) {}
export class SegmentListDto extends createZodDto(SegmentList) {}
export class SegmentMemberPageDto extends createZodDto(SegmentMemberPage) {}
export class SegmentPreviewRequestDto extends createZodDto(SegmentPreviewRequest) {}
export class SegmentPreviewDto extends createZodDto(SegmentPreview) {}
export class SegmentSizeHistoryDto extends createZodDto(SegmentSizeHistory) {}
export class SegmentErrorDto extends createZodDto(ApiErrorBody) {}
