import { Menu, MenuItem } from '../../app/Menu';
import { useAppStore } from '../../store/app-store';
import { exportSession, setExportMenuOpen } from '../../store/actions';
import { resolveZone } from '../../format/format';

/** Drawn off screen (the chart code loads on demand), so it works from any tab. */
async function exportChart(): Promise<void> {
  const { loaded, settings } = useAppStore.getState();
  setExportMenuOpen(false);
  if (!loaded) return;
  const { timelinePng } = await import('../timeline/chart-png');
  const zone = resolveZone(settings.timeZone, loaded.session.location?.timeZone ?? null);
  const png = await timelinePng(loaded.session, zone, loaded.billing);
  if (png) await exportSession({ kind: 'png', png });
  else useAppStore.setState({ exportMenuOpen: false, status: 'This session has no periods to chart.' });
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
      <MenuItem
        disabled={!loaded}
        onSelect={() => void exportSession({ kind: 'session', format: 'csv', redact: true })}
      >
        Periods as CSV, redacted
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
      <MenuItem
        disabled={!loaded}
        onSelect={() => void exportSession({ kind: 'session', format: 'html', redact: true })}
      >
        HTML report, redacted
      </MenuItem>
    </Menu>
  );
}
