"""Handlers: the service layer between blueprints and query classes."""
