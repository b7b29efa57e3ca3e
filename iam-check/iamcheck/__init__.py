"""The deploy proof: every recorded AWS call of every function, checked against its IAM role."""
