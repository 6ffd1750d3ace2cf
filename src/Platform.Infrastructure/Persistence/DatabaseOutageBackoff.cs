namespace Platform.Infrastructure.Persistence;

/// <summary>
/// How a background loop rides out a database outage: it reports the outage once when it begins and once when it
/// ends (not once per try), and waits between tries from 250 ms, doubling up to 5 s. One per loop.
/// </summary>
internal sealed class DatabaseOutageBackoff(Action<string> outageBegan, Action outageEnded)
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    private TimeSpan pause = Shortest;
    private bool down;

    /// <summary>The database answered: the next outage starts from the shortest pause.</summary>
    public void Reached()
    {
        pause = Shortest;
        if (down)
        {
            down = false;
            outageEnded();
        }
    }

    /// <summary>The database could not be reached (<paramref name="error"/>): waits before the next try; false when stopping.</summary>
    public async Task<bool> WaitAsync(Exception error, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!down)
        {
            down = true;
            outageBegan(error.Message);
        }

        try
        {
            await Task.Delay(pause, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, Longest.TotalMilliseconds));
        return true;
    }
}
