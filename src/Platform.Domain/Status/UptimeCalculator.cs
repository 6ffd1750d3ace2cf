namespace Platform.Domain.Status;

/// <summary>
/// Uptime arithmetic over a service's status timeline: pure, exact to the tick.
/// <para>
/// The status at an instant is that of the latest change at or before it (operational before the first). Changes at
/// the same instant are applied in the order given, so the last one wins; <see cref="StatusChange.FromEvents"/> gives
/// that order for recorded events. Changes after <c>now</c> are ignored.
/// </para>
/// <para>
/// Each UTC day [00:00, next 00:00) is clipped to [service creation, now). Within it, time counts unless it is under
/// maintenance: the service's status is under maintenance, or the time lies in a maintenance window (overlapping
/// windows are merged, never counted twice). Counted time in a partial or major outage is down; degraded performance
/// is up. Uptime = (counted - down) / counted, null when nothing counted (a future day, a day before the service
/// existed, a day wholly under maintenance).
/// </para>
/// <para>
/// Percentages are rounded down to 2 decimals, so that any downtime at all shows below 100.00 (99.996 would round
/// to 100.00 and hide an outage) and 100.00 always means none.
/// </para>
/// </summary>
public static class UptimeCalculator
{
    /// <summary>Uptime for <paramref name="days"/> whole UTC days from <paramref name="firstDay"/>; see the type for the rules.</summary>
    /// <param name="changes">The service's status changes, in any order (ties: see the type).</param>
    /// <param name="maintenanceWindows">Maintenance windows of the service; may overlap; empty ones are ignored.</param>
    /// <param name="firstDay">The oldest UTC day reported.</param>
    /// <param name="days">How many days to report; not negative.</param>
    /// <param name="now">The present: later time is not counted and later changes are ignored.</param>
    /// <param name="serviceCreatedAt">When the service was created, if known: earlier time is not counted.</param>
    public static UptimeReport Calculate(
        IEnumerable<StatusChange> changes,
        IEnumerable<TimeWindow> maintenanceWindows,
        DateOnly firstDay,
        int days,
        DateTimeOffset now,
        DateTimeOffset? serviceCreatedAt = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var timeline = Timeline(changes);
        var windows = Merge(maintenanceWindows);
        var countFrom = serviceCreatedAt?.UtcTicks ?? long.MinValue;

        var report = new List<UptimeDay>(days);
        long totalCounted = 0;
        long totalDown = 0;
        for (var i = 0; i < days; i++)
        {
            var date = firstDay.AddDays(i);
            var dayStart = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
            var day = Measure(timeline, windows, Math.Max(dayStart, countFrom), Math.Min(dayStart + TimeSpan.TicksPerDay, now.UtcTicks));
            totalCounted += day.Counted;
            totalDown += day.Down;
            report.Add(new UptimeDay(date, Percent(day.Counted, day.Down), day.Worst));
        }

        return new UptimeReport(report, Percent(totalCounted, totalDown));
    }

    /// <summary>The status at <paramref name="at"/>: that of the latest change at or before it, the last given on a tie; operational if none.</summary>
    public static ServiceStatus StatusAt(IEnumerable<StatusChange> changes, DateTimeOffset at)
    {
        StatusChange? latest = null;
        foreach (var change in changes)
        {
            if (change.OccurredAt <= at && (latest is null || change.OccurredAt >= latest.Value.OccurredAt))
            {
                latest = change;
            }
        }

        return latest?.Status ?? ServiceStatus.Operational;
    }

    /// <summary>
    /// The changes in time order, one per instant (the last given wins), as UTC ticks. Changes after now need no
    /// filtering: every measured span ends at now at the latest.
    /// </summary>
    private static (long At, ServiceStatus Status)[] Timeline(IEnumerable<StatusChange> changes)
    {
        var ordered = changes
            .Select(c => (At: c.OccurredAt.UtcTicks, c.Status))
            .OrderBy(c => c.At); // stable: equal instants keep the given order
        var timeline = new List<(long At, ServiceStatus Status)>();
        foreach (var change in ordered)
        {
            if (timeline.Count > 0 && timeline[^1].At == change.At)
            {
                timeline[^1] = change;
            }
            else
            {
                timeline.Add(change);
            }
        }

        return [.. timeline];
    }

    /// <summary>The union of the windows as disjoint spans in time order, as UTC ticks.</summary>
    private static List<(long Start, long End)> Merge(IEnumerable<TimeWindow> windows)
    {
        var merged = new List<(long Start, long End)>();
        var spans = windows
            .Select(w => (Start: w.Start.UtcTicks, End: w.End.UtcTicks))
            .Where(w => w.End > w.Start)
            .Order();
        foreach (var (start, end) in spans)
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    /// <summary>Counted and down time and the worst status over the span [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private static (long Counted, long Down, ServiceStatus Worst) Measure(
        (long At, ServiceStatus Status)[] timeline, List<(long Start, long End)> windows, long from, long to)
    {
        if (to <= from)
        {
            return (0, 0, ServiceStatus.Operational);
        }

        var next = LastAtOrBefore(timeline, from) + 1;
        var status = next == 0 ? ServiceStatus.Operational : timeline[next - 1].Status;
        var worst = status;
        long counted = 0;
        long down = 0;
        var cursor = from;
        while (true)
        {
            var until = next < timeline.Length && timeline[next].At < to ? timeline[next].At : to;
            if (status != ServiceStatus.UnderMaintenance)
            {
                var time = until - cursor - Overlap(windows, cursor, until);
                counted += time;
                down += status is ServiceStatus.PartialOutage or ServiceStatus.MajorOutage ? time : 0;
            }

            if (until == to)
            {
                return (counted, down, worst);
            }

            cursor = until;
            status = timeline[next++].Status;
            worst = StatusRules.Worst(worst, status);
        }
    }

    /// <summary>Index of the last change at or before <paramref name="at"/>, or -1.</summary>
    private static int LastAtOrBefore((long At, ServiceStatus Status)[] timeline, long at)
    {
        int low = 0, high = timeline.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (timeline[middle].At <= at)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    /// <summary>How much of [<paramref name="from"/>, <paramref name="to"/>) the disjoint windows cover.</summary>
    private static long Overlap(List<(long Start, long End)> windows, long from, long to)
    {
        long covered = 0;
        foreach (var (start, end) in windows)
        {
            if (start >= to)
            {
                break;
            }

            covered += Math.Max(0, Math.Min(end, to) - Math.Max(start, from));
        }

        return covered;
    }

    /// <summary>Up time as a percentage of counted time, rounded down to 2 decimals; null when nothing counted.</summary>
    private static double? Percent(long counted, long down)
    {
        if (counted == 0)
        {
            return null;
        }

        // Exact integer arithmetic: in floating point an exact 99.84 can come out as 99.8399... and floor to 99.83.
        var hundredths = (Int128)(counted - down) * 100 * 100 / counted;
        return (double)hundredths / 100;
    }
}
