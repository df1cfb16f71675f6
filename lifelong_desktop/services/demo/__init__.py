"""The Liaoning 2024 demo programme: its content, registers, hand-shaped programme and padding; no Qt."""
