namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>Real time plus an adjustable offset, so a test can jump to a Certificate's renewal time.</summary>
internal sealed class OffsetClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Offset;
}
