export { SpaceTimeDiagram, type SpaceTimeDiagramProps } from './SpaceTimeDiagram';
export { createSpaceTimeDiagram, type SpaceTimeDiagram as SpaceTimeDiagramCore, type SpaceTimeDiagramData } from './spaceTimeDiagram';
export { traceToDiagram, type Diagram, type DiagramArrow, type DiagramMark } from './traceToDiagram';
export { selectVisible, visibleArrowPositions } from './visibleWindow';
export { messageColorCss, messagePaletteSlot } from './messageColors';
