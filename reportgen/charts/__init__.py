"""Charts: `render_png(figure)` draws a Figure as a PNG of `size_px()` pixels, printed at `size_emu()`."""

from reportgen.charts.render import DPI, HEIGHT_IN, WIDTH_IN, render_png, size_emu, size_px

__all__ = ["DPI", "HEIGHT_IN", "WIDTH_IN", "render_png", "size_emu", "size_px"]
