/* Fixed: the handler defers to a threaded handler, which may sleep. */
#include <linux/interrupt.h>
#include <linux/delay.h>
struct d { int irq; int n; };
static void l2(struct d *d) { msleep(1); }
static void l1(struct d *d) { l2(d); }
static irqreturn_t d_irq(int irq, void *p)
{
	l1(p);
	return IRQ_HANDLED;
}
int d_init(struct d *d) { return request_threaded_irq(d->irq, NULL, d_irq, IRQF_ONESHOT, "d", d); }
