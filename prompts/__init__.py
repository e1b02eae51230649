"""Versioned prompt templates, shipped in the wheel as package data."""
