import { Link } from 'react-router';

export function NotFound() {
  return (
    <section className="not-found">
      <h1>Nothing here</h1>
      <p>
        This page does not exist (a 404, fittingly). The chapters are listed on the <Link to="/">home page</Link>.
      </p>
    </section>
  );
}
