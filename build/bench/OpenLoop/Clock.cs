using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OpenLoop;

/// <summary>
/// Waits for a due time, a fraction of a millisecond late at most, without spinning a core: Thread.Sleep has whole
/// milliseconds only (about 1.1 ms on Linux), so the last two milliseconds are slept with usleep from libc.
/// </summary>
internal static class Clock
{
    private static readonly long Millisecond = Stopwatch.Frequency / 1000;
    private static bool fineSleep = true;

    public static void SleepUntil(long due)
    {
        while (true)
        {
            var remaining = due - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            if (remaining > 2 * Millisecond || !fineSleep)
            {
                Thread.Sleep(1);
                continue;
            }

            try
            {
                // Half of what is left (at least 50 us), then look again: usleep overshoots by tens of microseconds.
                _ = NativeMethods.Usleep((uint)Math.Max(50, remaining * 1_000_000 / Stopwatch.Frequency / 2));
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                fineSleep = false;
            }
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "usleep")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Usleep(uint microseconds);
    }
}
