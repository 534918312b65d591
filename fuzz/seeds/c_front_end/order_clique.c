static DEFINE_MUTEX(m0);
static DEFINE_MUTEX(m1);
static DEFINE_MUTEX(m2);
static DEFINE_MUTEX(m3);
static DEFINE_MUTEX(m4);
static DEFINE_MUTEX(m5);
static DEFINE_MUTEX(m6);
static DEFINE_MUTEX(m7);
void f0_1(void)
{
	mutex_lock(&m0);
	mutex_lock(&m1);
	mutex_unlock(&m1);
	mutex_unlock(&m0);
}
void f0_2(void)
{
	mutex_lock(&m0);
	mutex_lock(&m2);
	mutex_unlock(&m2);
	mutex_unlock(&m0);
}
void f0_3(void)
{
	mutex_lock(&m0);
	mutex_lock(&m3);
	mutex_unlock(&m3);
	mutex_unlock(&m0);
}
void f0_4(void)
{
	mutex_lock(&m0);
	mutex_lock(&m4);
	mutex_unlock(&m4);
	mutex_unlock(&m0);
}
void f0_5(void)
{
	mutex_lock(&m0);
	mutex_lock(&m5);
	mutex_unlock(&m5);
	mutex_unlock(&m0);
}
void f0_6(void)
{
	mutex_lock(&m0);
	mutex_lock(&m6);
	mutex_unlock(&m6);
	mutex_unlock(&m0);
}
void f0_7(void)
{
	mutex_lock(&m0);
	mutex_lock(&m7);
	mutex_unlock(&m7);
	mutex_unlock(&m0);
}
void f1_0(void)
{
	mutex_lock(&m1);
	mutex_lock(&m0);
	mutex_unlock(&m0);
	mutex_unlock(&m1);
}
void f1_2(void)
{
	mutex_lock(&m1);
	mutex_lock(&m2);
	mutex_unlock(&m2);
	mutex_unlock(&m1);
}
void f1_3(void)
{
	mutex_lock(&m1);
	mutex_lock(&m3);
	mutex_unlock(&m3);
	mutex_unlock(&m1);
}
void f1_4(void)
{
	mutex_lock(&m1);
	mutex_lock(&m4);
	mutex_unlock(&m4);
	mutex_unlock(&m1);
}
void f1_5(void)
{
	mutex_lock(&m1);
	mutex_lock(&m5);
	mutex_unlock(&m5);
	mutex_unlock(&m1);
}
void f1_6(void)
{
	mutex_lock(&m1);
	mutex_lock(&m6);
	mutex_unlock(&m6);
	mutex_unlock(&m1);
}
void f1_7(void)
{
	mutex_lock(&m1);
	mutex_lock(&m7);
	mutex_unlock(&m7);
	mutex_unlock(&m1);
}
void f2_0(void)
{
	mutex_lock(&m2);
	mutex_lock(&m0);
	mutex_unlock(&m0);
	mutex_unlock(&m2);
}
void f2_1(void)
{
	mutex_lock(&m2);
	mutex_lock(&m1);
	mutex_unlock(&m1);
	mutex_unlock(&m2);
}
void f2_3(void)
{
	mutex_lock(&m2);
	mutex_lock(&m3);
	mutex_unlock(&m3);
	mutex_unlock(&m2);
}
void f2_4(void)
{
	mutex_lock(&m2);
	mutex_lock(&m4);
	mutex_unlock(&m4);
	mutex_unlock(&m2);
}
void f2_5(void)
{
	mutex_lock(&m2);
	mutex_lock(&m5);
	mutex_unlock(&m5);
	mutex_unlock(&m2);
}
void f2_6(void)
{
	mutex_lock(&m2);
	mutex_lock(&m6);
	mutex_unlock(&m6);
	mutex_unlock(&m2);
}
void f2_7(void)
{
	mutex_lock(&m2);
	mutex_lock(&m7);
	mutex_unlock(&m7);
	mutex_unlock(&m2);
}
void f3_0(void)
{
	mutex_lock(&m3);
	mutex_lock(&m0);
	mutex_unlock(&m0);
	mutex_unlock(&m3);
}
void f3_1(void)
{
	mutex_lock(&m3);
	mutex_lock(&m1);
	mutex_unlock(&m1);
	mutex_unlock(&m3);
}
void f3_2(void)
{
	mutex_lock(&m3);
	mutex_lock(&m2);
	mutex_unlock(&m2);
	mutex_unlock(&m3);
}
void f3_4(void)
{
	mutex_lock(&m3);
	mutex_lock(&m4);
	mutex_unlock(&m4);
	mutex_unlock(&m3);
}
void f3_5(void)
{
	mutex_lock(&m3);
	mutex_lock(&m5);
	mutex_unlock(&m5);
	mutex_unlock(&m3);
}
void f3_6(void)
{
	mutex_lock(&m3);
	mutex_lock(&m6);
	mutex_unlock(&m6);
	mutex_unlock(&m3);
}
void f3_7(void)
{
	mutex_lock(&m3);
	mutex_lock(&m7);
	mutex_unlock(&m7);
	mutex_unlock(&m3);
}
void f4_0(void)
{
	mutex_lock(&m4);
	mutex_lock(&m0);
	mutex_unlock(&m0);
	mutex_unlock(&m4);
}
void f4_1(void)
{
	mutex_lock(&m4);
	mutex_lock(&m1);
	mutex_unlock(&m1);
	mutex_unlock(&m4);
}
void f4_2(void)
{
	mutex_lock(&m4);
	mutex_lock(&m2);
	mutex_unlock(&m2);
	mutex_unlock(&m4);
}
void f4_3(void)
{
	mutex_lock(&m4);
	mutex_lock(&m3);
	mutex_unlock(&m3);
	mutex_unlock(&m4);
}
void f4_5(void)
{
	mutex_lock(&m4);
	mutex_lock(&m5);
	mutex_unlock(&m5);
	mutex_unlock(&m4);
}
void f4_6(void)
{
	mutex_lock(&m4);
	mutex_lock(&m6);
	mutex_unlock(&m6);
	mutex_unlock(&m4);
}
void f4_7(void)
{
	mutex_lock(&m4);
	mutex_lock(&m7);
	mutex_unlock(&m7);
	mutex_unlock(&m4);
}
void f5_0(void)
{
	mutex_lock(&m5);
	mutex_lock(&m0);
	mutex_unlock(&m0);
	mutex_unlock(&m5);
}
void f5_1(void)
{
	mutex_lock(&m5);
	mutex_lock(&m1);
	mutex_unlock(&m1);
	mutex_unlock(&m5);
}
void f5_2(void)
{
	mutex_lock(&m5);
	mutex_lock(&m2);
	mutex_unlock(&m2);
	mutex_unlock(&m5);
}
void f5_3(void)
{
	mutex_lock(&m5);
	mutex_lock(&m3);
	mutex_unlock(&m3);
	mutex_unlock(&m5);
}
void f5_4(void)
{
	mutex_lock(&m5);
	mutex_lock(&m4);
	mutex_unlock(&m4);
	mutex_unlock(&m5);
}
void f5_6(void)
{
	mutex_lock(&m5);
	mutex_lock(&m6);
	mutex_unlock(&m6);
	mutex_unlock(&m5);
}
void f5_7(void)
{
	mutex_lock(&m5);
	mutex_lock(&m7);
	mutex_unlock(&m7);
	mutex_unlock(&m5);
}
void f6_0(void)
{
	mutex_lock(&m6);
	mutex_lock(&m0);
	mutex_unlock(&m0);
	mutex_unlock(&m6);
}
void f6_1(void)
{
	mutex_lock(&m6);
	mutex_lock(&m1);
	mutex_unlock(&m1);
	mutex_unlock(&m6);
}
void f6_2(void)
{
	mutex_lock(&m6);
	mutex_lock(&m2);
	mutex_unlock(&m2);
	mutex_unlock(&m6);
}
void f6_3(void)
{
	mutex_lock(&m6);
	mutex_lock(&m3);
	mutex_unlock(&m3);
	mutex_unlock(&m6);
}
void f6_4(void)
{
	mutex_lock(&m6);
	mutex_lock(&m4);
	mutex_unlock(&m4);
	mutex_unlock(&m6);
}
void f6_5(void)
{
	mutex_lock(&m6);
	mutex_lock(&m5);
	mutex_unlock(&m5);
	mutex_unlock(&m6);
}
void f6_7(void)
{
	mutex_lock(&m6);
	mutex_lock(&m7);
	mutex_unlock(&m7);
	mutex_unlock(&m6);
}
void f7_0(void)
{
	mutex_lock(&m7);
	mutex_lock(&m0);
	mutex_unlock(&m0);
	mutex_unlock(&m7);
}
void f7_1(void)
{
	mutex_lock(&m7);
	mutex_lock(&m1);
	mutex_unlock(&m1);
	mutex_unlock(&m7);
}
void f7_2(void)
{
	mutex_lock(&m7);
	mutex_lock(&m2);
	mutex_unlock(&m2);
	mutex_unlock(&m7);
}
void f7_3(void)
{
	mutex_lock(&m7);
	mutex_lock(&m3);
	mutex_unlock(&m3);
	mutex_unlock(&m7);
}
void f7_4(void)
{
	mutex_lock(&m7);
	mutex_lock(&m4);
	mutex_unlock(&m4);
	mutex_unlock(&m7);
}
void f7_5(void)
{
	mutex_lock(&m7);
	mutex_lock(&m5);
	mutex_unlock(&m5);
	mutex_unlock(&m7);
}
void f7_6(void)
{
	mutex_lock(&m7);
	mutex_lock(&m6);
	mutex_unlock(&m6);
	mutex_unlock(&m7);
}
