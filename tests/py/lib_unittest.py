import unittest
import io


class T1(unittest.TestCase):
    def setUp(self):
        self.data = [1, 2, 3]

    def test_ok(self):
        self.assertEqual(sum(self.data), 6)
        self.assertTrue(self.data)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)

    def test_fail(self):
        self.assertIn(4, self.data)

    def test_error(self):
        {}["missing"]

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")

    @unittest.skip("not now")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)


s = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(T1)
r = unittest.TextTestRunner(stream=s, verbosity=0).run(suite)
print(r.testsRun, len(r.failures), len(r.errors), len(r.skipped), len(r.expectedFailures), r.wasSuccessful())
for test, text in r.failures + r.errors:
    print(test.id(), "|", text.strip().splitlines()[-1])
print(sorted(unittest.defaultTestLoader.getTestCaseNames(T1)))
