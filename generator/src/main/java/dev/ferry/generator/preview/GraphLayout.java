package dev.ferry.generator.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a task graph out left to right, as Airflow's graph view shows a DAG, with ELK's layered algorithm
 * (deterministic: its random seed is fixed). Sizes and coordinates are whole pixels, so the SVG is byte-stable.
 */
final class GraphLayout {

    static final int NODE_HEIGHT = 40;
    private static final int MARGIN = 12;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private GraphLayout() {}

    /** A node to place: its width comes from its longest label line. */
    record Box(String id, int width) {}

    /** An edge between two boxes, by index into the box list. */
    record Link(int from, int to) {}

    record Point(int x, int y) {}

    record PlacedBox(int x, int y, int width, int height) {}

    /** The layout: boxes and edge routes in input order, and the drawing's size. */
    record Drawing(List<PlacedBox> boxes, List<List<Point>> routes, int width, int height) {}

    static Drawing layout(List<Box> boxes, List<Link> links) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 18.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(MARGIN));
        Map<Integer, ElkNode> nodes = new LinkedHashMap<>();
        for (int i = 0; i < boxes.size(); i++) {
            ElkNode node = ElkGraphUtil.createNode(root);
            node.setIdentifier("n" + i);
            node.setDimensions(boxes.get(i).width(), NODE_HEIGHT);
            nodes.put(i, node);
        }
        List<ElkEdge> edges = new ArrayList<>();
        for (Link link : links) {
            edges.add(ElkGraphUtil.createSimpleEdge(nodes.get(link.from()), nodes.get(link.to())));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        List<PlacedBox> placed = new ArrayList<>();
        for (ElkNode node : nodes.values()) {
            placed.add(new PlacedBox(
                    round(node.getX()), round(node.getY()), round(node.getWidth()), round(node.getHeight())));
        }
        List<List<Point>> routes = new ArrayList<>();
        for (ElkEdge edge : edges) {
            List<Point> route = new ArrayList<>();
            for (ElkEdgeSection section : edge.getSections()) {
                route.add(new Point(round(section.getStartX()), round(section.getStartY())));
                for (ElkBendPoint bend : section.getBendPoints()) {
                    route.add(new Point(round(bend.getX()), round(bend.getY())));
                }
                route.add(new Point(round(section.getEndX()), round(section.getEndY())));
            }
            routes.add(List.copyOf(route));
        }
        return new Drawing(List.copyOf(placed), List.copyOf(routes), round(root.getWidth()), round(root.getHeight()));
    }

    private static int round(double value) {
        return (int) Math.round(value);
    }
}
