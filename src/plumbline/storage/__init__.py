"""Files on disk: where they live, the habit library, and the durable TinyDB store."""
