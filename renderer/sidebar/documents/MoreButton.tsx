/** The ⋯ button of a sidebar row, opening the row's menu just below itself. */
export function MoreButton(props: {
  describedBy: string;
  title: string;
  openMenu: (x: number, y: number) => void;
}) {
  return (
    <button
      type="button"
      className="doc-more"
      aria-label="More actions"
      aria-describedby={props.describedBy}
      aria-haspopup="menu"
      title={props.title}
      onClick={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        props.openMenu(rect.left, rect.bottom + 2);
      }}
    >
      ⋯
    </button>
  );
}
