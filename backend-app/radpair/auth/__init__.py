"""Password hashing, password policy and JWT tokens (pure logic, no I/O)."""
