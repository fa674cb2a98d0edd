package io.hezuo.scoring.domain;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;

/**
 * The flow network of {@link Assignment} as a read-only JGraphT directed multigraph over int
 * arrays: vertices and edges are the integers {@code 0..n-1} and {@code 0..m-1}, an edge's weight
 * is its cost. JGraphT's own graphs keep a hash entry and an object per edge, several times the
 * memory and time of these arrays for the hundreds of thousands of arcs of a large call; the
 * minimum-cost flow reads only the vertex and edge sets, the ends and the weights.
 */
final class AssignmentNetwork extends AbstractGraph<Integer, Integer> {

  final int n;
  final int[] supply;
  final int[] src;
  final int[] dst;
  final int[] cap;
  final double[] cost;
  int m;

  AssignmentNetwork(int vertices, int arcs) {
    n = vertices;
    supply = new int[vertices];
    src = new int[arcs];
    dst = new int[arcs];
    cap = new int[arcs];
    cost = new double[arcs];
  }

  void arc(int from, int to, int capacity, long c) {
    src[m] = from;
    dst[m] = to;
    cap[m] = capacity;
    cost[m] = c;
    m++;
  }

  @Override
  public Set<Integer> vertexSet() {
    return new Range(n);
  }

  @Override
  public Set<Integer> edgeSet() {
    return new Range(m);
  }

  @Override
  public Integer getEdgeSource(Integer e) {
    return src[e];
  }

  @Override
  public Integer getEdgeTarget(Integer e) {
    return dst[e];
  }

  @Override
  public double getEdgeWeight(Integer e) {
    return cost[e];
  }

  @Override
  public GraphType getType() {
    return DefaultGraphType.directedMultigraph().asWeighted().asUnmodifiable();
  }

  @Override
  public boolean containsVertex(Integer v) {
    return v != null && v >= 0 && v < n;
  }

  @Override
  public boolean containsEdge(Integer e) {
    return e != null && e >= 0 && e < m;
  }

  // ------------------------------------------------------------ not needed by the flow: refused

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException("read-only assignment network");
  }

  @Override
  public Set<Integer> getAllEdges(Integer s, Integer t) {
    throw refused();
  }

  @Override
  public Integer getEdge(Integer s, Integer t) {
    throw refused();
  }

  @Override
  public Supplier<Integer> getVertexSupplier() {
    return null;
  }

  @Override
  public Supplier<Integer> getEdgeSupplier() {
    return null;
  }

  @Override
  public Integer addEdge(Integer s, Integer t) {
    throw refused();
  }

  @Override
  public boolean addEdge(Integer s, Integer t, Integer e) {
    throw refused();
  }

  @Override
  public Integer addVertex() {
    throw refused();
  }

  @Override
  public boolean addVertex(Integer v) {
    throw refused();
  }

  @Override
  public int degreeOf(Integer v) {
    throw refused();
  }

  @Override
  public Set<Integer> edgesOf(Integer v) {
    throw refused();
  }

  @Override
  public int inDegreeOf(Integer v) {
    throw refused();
  }

  @Override
  public Set<Integer> incomingEdgesOf(Integer v) {
    throw refused();
  }

  @Override
  public int outDegreeOf(Integer v) {
    throw refused();
  }

  @Override
  public Set<Integer> outgoingEdgesOf(Integer v) {
    throw refused();
  }

  @Override
  public Integer removeEdge(Integer s, Integer t) {
    throw refused();
  }

  @Override
  public boolean removeEdge(Integer e) {
    throw refused();
  }

  @Override
  public boolean removeVertex(Integer v) {
    throw refused();
  }

  @Override
  public void setEdgeWeight(Integer e, double weight) {
    throw refused();
  }

  /** The integers {@code 0..size-1} in order. */
  private static final class Range extends AbstractSet<Integer> {
    private final int size;

    Range(int size) {
      this.size = size;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof Integer i && i >= 0 && i < size;
    }

    @Override
    public Iterator<Integer> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Integer next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          return next++;
        }
      };
    }
  }
}
