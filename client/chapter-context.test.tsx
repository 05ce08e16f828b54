// @vitest-environment happy-dom
// A course component talks to its chapter's stage unless told otherwise.
import { act, Component, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChapterContext, useStage, type ChapterInfo } from './chapter-context';
import { createDomRoot, type DomRoot } from './testing/dom-root';

function Probe({ stage }: { stage?: string }) {
  return <span>{useStage(stage, 'Probe')}</span>;
}

/** Shows what its children threw. */
class ShowError extends Component<{ children: ReactNode }, { message?: string }> {
  state: { message?: string } = {};
  static getDerivedStateFromError(error: Error) {
    return { message: error.message };
  }
  render() {
    return this.state.message ?? this.props.children;
  }
}

const chapter: ChapterInfo = { slug: 'demo', stage: 'demo-stage', compare: 'seed', tasks: [] };
let dom: DomRoot;
afterEach(() => {
  dom.remove();
  vi.restoreAllMocks();
});

describe('useStage', () => {
  it("is the chapter's stage, unless the component names one", async () => {
    dom = createDomRoot();
    await act(async () =>
      dom.root.render(
        <ChapterContext.Provider value={chapter}>
          <Probe />|<Probe stage="seed" />
        </ChapterContext.Provider>,
      ),
    );
    expect(dom.container.textContent).toBe('demo-stage|seed');
  });

  it('outside a chapter, needs the stage named', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error
    dom = createDomRoot();
    await act(async () =>
      dom.root.render(
        <ShowError>
          <Probe stage="seed" />|<Probe />
        </ShowError>,
      ),
    );
    expect(dom.container.textContent).toBe('<Probe /> needs a stage="…" when it is not inside a chapter');
  });
});
