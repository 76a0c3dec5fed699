import { Menu, MenuItem } from '../../app/Menu';
import { useAppStore } from '../../store/app-store';
import { exportSession, setExportMenuOpen } from '../../store/actions';
import { chartPng } from '../timeline/timeline-link';

async function exportChart(): Promise<void> {
  const png = await chartPng();
  if (png) await exportSession({ kind: 'png', png });
  else useAppStore.setState({ exportMenuOpen: false, status: 'Open the Timeline tab to export the chart.' });
}

export function ExportMenu() {
  const open = useAppStore((s) => s.exportMenuOpen);
  const loaded = useAppStore((s) => s.loaded !== null);
  return (
    <Menu label="Export" open={open} onOpenChange={setExportMenuOpen} testId="export-menu" title="Ctrl/Cmd+E">
      <MenuItem
        disabled={!loaded}
        onSelect={() => void exportSession({ kind: 'session', format: 'bundle', redact: false })}
      >
        Bundle (.json, reopens here)
      </MenuItem>
      <MenuItem
        disabled={!loaded}
        onSelect={() => void exportSession({ kind: 'session', format: 'bundle', redact: true })}
      >
        Bundle, redacted (to share)
      </MenuItem>
      <MenuItem
        disabled={!loaded}
        onSelect={() => void exportSession({ kind: 'session', format: 'csv', redact: false })}
      >
        Periods as CSV
      </MenuItem>
      <MenuItem disabled={!loaded} onSelect={() => void exportChart()}>
        Chart as PNG
      </MenuItem>
      <MenuItem
        disabled={!loaded}
        onSelect={() => void exportSession({ kind: 'session', format: 'html', redact: false })}
      >
        HTML report
      </MenuItem>
    </Menu>
  );
}
