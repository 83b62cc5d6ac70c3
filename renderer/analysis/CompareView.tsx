/** The comparison views: replaced by the analysis work (matrix, co-occurrence, charts, attributes). */
export function CompareView() {
  return (
    <section className="compare-view" aria-label="Compare">
      <h2>Compare</h2>
    </section>
  );
}
