"""Entry point: `vanthu` opens the window, `vanthu <subcommand>` runs the command line."""
from __future__ import annotations

import os
import sys
import tempfile


def _has_display() -> bool:
    if sys.platform.startswith(("win", "darwin")):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before any Tesseract process starts
    from app.cli import build_parser, open_for_cli, run

    args = build_parser().parse_args(argv)
    data_dir = args.data_dir
    if args.demo:
        data_dir = tempfile.mkdtemp(prefix="vanthu-demo-")
    if args.command:
        store, code = open_for_cli(data_dir)
        if store and args.demo:  # the help promises sample data on the command line too
            from app import demo
            with store.Session.begin() as s:
                demo.fill(s)
        return run(store, args) if store else code
    if not _has_display():
        print("Không có màn hình (DISPLAY trống). Chạy dưới màn hình ảo: "
              "xvfb-run -a -s '-screen 0 1280x800x24' .venv/bin/vanthu", file=sys.stderr)
        return 3
    from ui.app import run_gui

    return run_gui(data_dir, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
