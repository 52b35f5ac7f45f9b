// One Chromium and one server are shared by every test; on a 2-core machine running classes in parallel only adds noise.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
