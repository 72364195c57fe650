/**
 * The topology canvas: React Flow drawing the cluster's nodes, the link layer beneath them
 * (LinkLayer: one SVG rather than an edge per link), the messages-in-flight overlay, and the
 * fault tools (node and link menus, partition drawing, the selected message's card).
 *
 * The flow graph is remapped only when the topology changes (flowStructureKey); per-frame
 * changes reach node cards and links through their own store selectors, and messages
 * through the overlay's direct subscription, so an ordinary frame does not rebuild the graph.
 *
 * Opening menus: click or right-click a node or a link; with the keyboard, focus a node or
 * link (Tab) and press Enter or the context-menu key. While a partition is being drawn, a
 * node click (or Enter) puts the node in the next group instead.
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Background, Controls, ReactFlow, type Node, type NodeTypes } from '@xyflow/react';
import { useLab, useLabStore } from '../../store/LabContext';
import { labUpdates } from '../../store/labStore';
import { LinkMenu } from '../faults/LinkMenu';
import { NodeMenu } from '../faults/NodeMenu';
import { PartitionToolbar } from '../faults/PartitionToolbar';
import { PartitionDraftContext, createPartitionDraftStore, partitionDraftUpdates } from '../faults/partitionDraft';
import type { MenuPlacement } from '../faults/FaultMenu';
import { MessageCard } from '../messages/MessageCard';
import { LinkLayer, type OpenLink } from './LinkLayer';
import { MessageOverlay } from './MessageOverlay';
import { SimulationFlowNode } from './SimulationFlowNode';
import { FitOnResize } from './FitOnResize';
import { useDisplayPreferences } from '../display/useDisplayPreferences';
import { flowStructureKey, snapshotToFlow } from './snapshotToFlow';
import '../timeline/timeline.css';
import '../faults/faults.css';
import '../messages/messages.css';
import './topology.css';

const nodeTypes: NodeTypes = { simulationNode: SimulationFlowNode };

type OpenMenu = ({ kind: 'node'; nodeId: string } | { kind: 'link'; a: string; b: string }) & { placement: MenuPlacement };

/** Room a menu needs, so one opened near the right or bottom edge stays inside the canvas. */
const MENU_WIDTH = 250;
const MENU_HEIGHT = 330;

export function TopologyCanvas() {
  const store = useLabStore();
  const [draft] = useState(createPartitionDraftStore);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const structure = useLab((state) => flowStructureKey(state.frame));
  // React Flow's own controls follow the page's theme (the display menu may force one).
  const colorMode = useDisplayPreferences().scheme;
  const flow = useMemo(() => {
    const frame = store.getState().frame;
    return frame === null || structure === '' ? { nodes: [], links: [] } : snapshotToFlow(frame);
    // The structure key stands for everything snapshotToFlow reads from the frame.
  }, [store, structure]);

  const placeAt = useCallback((clientX: number, clientY: number): MenuPlacement => {
    const bounds = containerRef.current?.getBoundingClientRect();
    if (bounds === undefined) return { x: 0, y: 0 };
    const clamp = (value: number, size: number, room: number): number => Math.max(4, Math.min(value, size - room - 4));
    return { x: clamp(clientX - bounds.left, bounds.width, MENU_WIDTH), y: clamp(clientY - bounds.top, bounds.height, MENU_HEIGHT) };
  }, []);

  const openNode = useCallback(
    (nodeId: string, clientX: number, clientY: number, fromMenuKey: boolean): void => {
      if (draft.getState().drawing && !fromMenuKey) {
        draft.setState(partitionDraftUpdates.toggle(draft.getState(), nodeId));
        return;
      }
      store.setState({ selectedNodeId: nodeId });
      setMenu({ kind: 'node', nodeId, placement: placeAt(clientX, clientY) });
    },
    [draft, store, placeAt],
  );

  const onNodeClick = (event: MouseEvent, node: Node): void => openNode(node.id, event.clientX, event.clientY, false);
  const onNodeContextMenu = (event: MouseEvent, node: Node): void => {
    event.preventDefault();
    openNode(node.id, event.clientX, event.clientY, true);
  };
  const openLink: OpenLink = useCallback(
    (link, clientX, clientY) => setMenu({ kind: 'link', a: link.source, b: link.target, placement: placeAt(clientX, clientY) }),
    [placeAt],
  );
  const onPaneClick = (): void => {
    setMenu(null);
    if (store.getState().selectedMessageId !== null) store.setState(labUpdates.selectMessage(null));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Enter' && event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
    const element = (event.target as Element).closest('.react-flow__node, [data-link-id]');
    if (element === null) return;
    const bounds = element.getBoundingClientRect();
    const nodeId = element.getAttribute('data-id');
    if (element.classList.contains('react-flow__node') && nodeId !== null) {
      event.preventDefault();
      openNode(nodeId, bounds.left + bounds.width * 0.6, bounds.top + bounds.height * 0.5, event.key !== 'Enter');
      return;
    }
    const link = flow.links.find((candidate) => candidate.id === element.getAttribute('data-link-id'));
    if (link === undefined) return;
    event.preventDefault();
    openLink(link, bounds.left + bounds.width / 2, bounds.top + bounds.height / 2);
  };

  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <PartitionDraftContext.Provider value={draft}>
      <div className="topology topology--with-tools" data-testid="topology-canvas" ref={containerRef} onKeyDown={onKeyDown}>
        <PartitionToolbar />
        <div className="topology__flow">
          <ReactFlow
            key={structure.split('|')[0]}
            nodes={flow.nodes}
            nodeTypes={nodeTypes}
            colorMode={colorMode}
            // Apart from the zoom controls (bottom right), so neither crowds the other's touch target.
            attributionPosition="bottom-left"
            fitView
            fitViewOptions={{ padding: 0.2 }}
            nodesDraggable={false}
            nodesConnectable={false}
            minZoom={0.2}
            maxZoom={2.5}
            onNodeClick={onNodeClick}
            onNodeContextMenu={onNodeContextMenu}
            onPaneClick={onPaneClick}
            aria-label="Cluster topology"
          >
            <Background gap={24} size={1} />
            <LinkLayer links={flow.links} onOpen={openLink} />
            <Controls showInteractive={false} position="bottom-right" />
            <MessageOverlay />
            <FitOnResize />
          </ReactFlow>
          <MessageCard />
        </div>
        {menu?.kind === 'node' && <NodeMenu nodeId={menu.nodeId} placement={menu.placement} onClose={closeMenu} />}
        {menu?.kind === 'link' && <LinkMenu a={menu.a} b={menu.b} placement={menu.placement} onClose={closeMenu} />}
      </div>
    </PartitionDraftContext.Provider>
  );
}
