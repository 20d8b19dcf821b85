"""Use cases of the open doors week: the only code that writes across models, owns
transactions and locking, and sends notifications. Views, admin and commands call these.

- ``call``: services enrol and offer slots; coordinators review (validate, ask changes, refuse).
- ``visits``: first-come booking, cancellation, attendance, messages to visitors, reminders.
- ``wishes``: the wish round (rank wishes, run the allocation, publish).
- ``figures``: the dashboard's figures (read only).
"""
