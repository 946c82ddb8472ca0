"""File plan, hồ sơ, closing, handover batches and the BagIt package."""
