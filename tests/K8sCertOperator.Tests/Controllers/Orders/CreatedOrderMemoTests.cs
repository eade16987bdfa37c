using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Tests.Controllers.Orders;

public class CreatedOrderMemoTests
{
    private static readonly ObjectKey First = new("ns", "web-1");
    private static readonly ObjectKey Second = new("ns", "api-1");

    [Fact]
    public void A_cached_copy_that_still_asks_to_create_is_stale_until_the_cache_catches_up()
    {
        var memo = new CreatedOrderMemo();
        Assert.False(memo.IsStale(First, "uid-1", cacheSaysCreate: true)); // never created here: create it

        memo.Remember(First, "uid-1");
        Assert.True(memo.IsStale(First, "uid-1", cacheSaysCreate: true));  // cache still shows the pre-create copy
        Assert.True(memo.IsStale(First, "uid-1", cacheSaysCreate: true));
        Assert.False(memo.IsStale(Second, "uid-2", cacheSaysCreate: true)); // other Orders are unaffected

        Assert.False(memo.IsStale(First, "uid-1", cacheSaysCreate: false)); // cache caught up: forgotten
        Assert.False(memo.IsStale(First, "uid-1", cacheSaysCreate: true));  // a later "create" (e.g. status reset) is real
    }

    [Fact]
    public void A_new_object_under_the_same_name_or_a_forgotten_key_is_created_normally()
    {
        var memo = new CreatedOrderMemo();
        memo.Remember(First, "uid-1");
        Assert.False(memo.IsStale(First, "uid-9", cacheSaysCreate: true)); // deleted and re-created Order

        memo.Remember(Second, "uid-2");
        memo.Forget(Second);
        Assert.False(memo.IsStale(Second, "uid-2", cacheSaysCreate: true));

        memo.Remember(First, null);
        Assert.False(memo.IsStale(First, null, cacheSaysCreate: true));
    }
}
