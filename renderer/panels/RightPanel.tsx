import { useState } from 'react';
import { useWorkspace } from '../store';
import { plural } from '../format';
import { TabList, TabPanel } from './common/Tabs';
import { ExcerptsTab } from './excerpts/ExcerptsTab';
import { MemosTab } from './memo/MemosTab';
import { SearchTab } from './search/SearchTab';
import { useFindCommand } from './find-command';
import './panels.css';

type Tab = 'excerpts' | 'memos' | 'search';

/** The right-hand panel: retrieval of coded excerpts, memos, and full-text search. */
export function RightPanel() {
  const [tab, setTab] = useState<Tab>('excerpts');
  const [findRequest, setFindRequest] = useState(0);
  const selectedCodes = useWorkspace((s) => s.selectedCodeIds.length);

  useFindCommand(() => {
    setTab('search');
    setFindRequest((n) => n + 1);
  });

  const tabs = [
    {
      id: 'excerpts' as const,
      label: (
        <>
          Excerpts
          {selectedCodes > 0 && (
            <>
              <span className="tab-badge" aria-hidden="true">
                {selectedCodes}
              </span>
              <span className="visually-hidden">({plural(selectedCodes, 'code')} chosen)</span>
            </>
          )}
        </>
      ),
    },
    { id: 'memos' as const, label: 'Memos' },
    { id: 'search' as const, label: 'Search' },
  ];

  return (
    // The surrounding <aside> is the landmark and names the panel.
    <div className="right-panel">
      <TabList<Tab>
        label="Side panel"
        prefix="panel"
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        className="panel-tabs"
      />
      <TabPanel prefix="panel" id="excerpts" selected={tab === 'excerpts'} className="panel-body">
        <ExcerptsTab active={tab === 'excerpts'} />
      </TabPanel>
      <TabPanel prefix="panel" id="memos" selected={tab === 'memos'} className="panel-body">
        <MemosTab />
      </TabPanel>
      <TabPanel prefix="panel" id="search" selected={tab === 'search'} className="panel-body">
        <SearchTab focusRequest={findRequest} />
      </TabPanel>
    </div>
  );
}
