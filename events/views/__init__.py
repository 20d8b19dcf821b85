"""Thin views of the events app, one module per area: agenda (lists, month, detail, series),
registration (register, cancel), organizer (registrants, exports, check-in, tables), followup
(reports, expectations, actions), feeds (iCal)."""
