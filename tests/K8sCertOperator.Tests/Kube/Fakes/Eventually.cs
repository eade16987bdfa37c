namespace K8sCertOperator.Tests.Kube.Fakes;

/// <summary>Polls a condition with a generous deadline; the tests assert outcomes, never durations.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("condition not met in time: " + because);
            }

            await Task.Delay(10);
        }
    }
}
