const token = 'sk_test_dp3mkJDp3n7bTwkaQvjwdDVq';
