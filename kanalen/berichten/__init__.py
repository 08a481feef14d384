"""The outbox: messages to customers, written with the change, sent by a worker."""
