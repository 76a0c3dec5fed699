/** Says that the period volumes look like Wh sent as kWh, how they are shown, and switches the view. */
import { showVolumesAsSent } from '../store/actions';

export function UnitBanner({ asSent }: { asSent: boolean }) {
  return (
    <div className="unit-banner" role="note" data-testid="wh-banner">
      <p>
        {asSent ? (
          <>
            <strong>Volumes as sent.</strong> They look like Wh sent as kWh (see ENERGY_UNIT_SUSPECT), so
            energy and power here are probably 1000 times too high.
          </>
        ) : (
          <>
            <strong>Volumes read as Wh.</strong> The period volumes look like Wh sent as kWh (see
            ENERGY_UNIT_SUSPECT): details, chart and table show them ÷ 1000, in kWh.
          </>
        )}
      </p>
      <button type="button" className="button button--small" onClick={() => void showVolumesAsSent(!asSent)}>
        {asSent ? 'Show as kWh (÷ 1000)' : 'Show values as sent'}
      </button>
    </div>
  );
}
