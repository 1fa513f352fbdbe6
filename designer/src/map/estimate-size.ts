import { type BlueprintNode, isStageNode } from './blueprint-types';

/*
 * ELK needs every box's size before anything is drawn, so sizes are estimated from text length.
 * The numbers match journey-map.css (font sizes, line heights, paddings, borders): change them
 * together. Character widths are the widest average measured on the real blueprints' labels in
 * Chromium's system-ui, plus room for the ragged ends of wrapped lines.
 */

const NODE_CHAR_WIDTH = 7.6;
const NODE_MIN_WIDTH = 130;
const NODE_MAX_WIDTH = 210;
/**
 * Counts need this width: an open stage's badges fill two rows ("Patient is here", "12 here",
 * then "2 dropped off", "4 breached"); an end shows only what is not zero, usually one badge.
 */
const NODE_WIDTH_WITH_COUNTS = 200;
/** Padding plus border, each side. */
const NODE_INSET_X = 14;
const NODE_INSET_Y = 10;
const KIND_LINE_HEIGHT = 14;
const LABEL_LINE_HEIGHT = 17;
const SETTING_LINE_HEIGHT = 16;
const STATUS_ROW_HEIGHT = 22;

const EDGE_LABEL_CHAR_WIDTH = 7.1;
const EDGE_LABEL_MAX_WIDTH = 140;
const EDGE_LABEL_PADDING_X = 4;
const EDGE_LABEL_LINE_HEIGHT = 15;

export interface BoxSize {
  width: number;
  height: number;
}

/** What a stage shows besides its label: patient counts, the "Patient is here" mark. */
export interface StageStatus {
  withCounts: boolean;
  isPatientHere: boolean;
}

export function estimateNodeSize(node: BlueprintNode, status: StageStatus): BoxSize {
  const hasCounts = status.withCounts && isStageNode(node);
  const statusRows = hasCounts && node.kind === 'stage' ? 2 : hasCounts || status.isPatientHere ? 1 : 0;
  const textWidth = node.label.length * NODE_CHAR_WIDTH;
  const width = Math.max(
    clamp(textWidth + 2 * NODE_INSET_X, NODE_MIN_WIDTH, NODE_MAX_WIDTH),
    hasCounts ? NODE_WIDTH_WITH_COUNTS : 0,
  );
  const labelLines = Math.ceil(textWidth / (width - 2 * NODE_INSET_X));
  const height =
    2 * NODE_INSET_Y +
    KIND_LINE_HEIGHT +
    labelLines * LABEL_LINE_HEIGHT +
    (node.setting ? SETTING_LINE_HEIGHT : 0) +
    statusRows * STATUS_ROW_HEIGHT;
  return { width, height };
}

export function estimateEdgeLabelSize(text: string): BoxSize {
  const textWidth = text.length * EDGE_LABEL_CHAR_WIDTH;
  const width =
    Math.min(textWidth, EDGE_LABEL_MAX_WIDTH - 2 * EDGE_LABEL_PADDING_X) + 2 * EDGE_LABEL_PADDING_X;
  const lines = Math.ceil(textWidth / (width - 2 * EDGE_LABEL_PADDING_X));
  return { width, height: lines * EDGE_LABEL_LINE_HEIGHT };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
