"""Chat: the citizen's chat window, the queue, the agent's side, the transcript."""
