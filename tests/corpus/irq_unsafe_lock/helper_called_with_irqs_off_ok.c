/* A helper called only with interrupts off (under spin_lock_irqsave) takes its lock with
 * interrupts off, as lockdep sees it: no irq-unsafe usage. */
#include <linux/interrupt.h>
#include <linux/spinlock.h>
struct d { spinlock_t a; spinlock_t b; int irq; int n; };
static irqreturn_t d_irq(int irq, void *p)
{
	struct d *d = p;
	spin_lock(&d->b);
	d->n++;
	spin_unlock(&d->b);
	return IRQ_HANDLED;
}
/* caller must hold d->a with irqs off */
static void d_bump(struct d *d)
{
	spin_lock(&d->b);
	d->n++;
	spin_unlock(&d->b);
}
void d_update(struct d *d)
{
	unsigned long flags;
	spin_lock_irqsave(&d->a, flags);
	d_bump(d);
	spin_unlock_irqrestore(&d->a, flags);
}
void d_update2(struct d *d)
{
	unsigned long flags;
	local_irq_save(flags);
	spin_lock(&d->b);
	d->n++;
	spin_unlock(&d->b);
	local_irq_restore(flags);
}
int d_init(struct d *d) { return request_irq(d->irq, d_irq, 0, "d", d); }
