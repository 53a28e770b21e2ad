using NodaTime;

namespace Ceseda.Workflows.Tests.Runtime;

/// <summary>A clock the test moves forward; read from the timer's thread, so reads and moves are locked.</summary>
internal sealed class FakeClock(Instant start) : IClock
{
    private readonly Lock gate = new();
    private Instant now = start;

    public Instant GetCurrentInstant()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void AdvanceTo(Instant instant)
    {
        lock (gate)
        {
            if (instant < now)
            {
                throw new InvalidOperationException($"The fake clock only moves forward: it reads {now}, not {instant}.");
            }

            now = instant;
        }
    }
}
